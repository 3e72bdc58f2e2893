from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from accounts import temporary
from accounts.models import Account


class AccountBackend(ModelBackend):
    """Sign in by username in any case, with the password or a temporary password."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Account | None:
        if not username or not password:
            return None

        account = Account.objects.filter(username__iexact=username.strip()).first()
        if account is None:
            # Spend the same time as a real check, so timing tells nothing.
            Account().set_password(password)
            return None
        if not self.user_can_authenticate(account):
            return None

        if account.check_password(password):
            return account
        if temporary.redeem(account, password):
            account.must_change_password = True
            account.save(update_fields=["must_change_password"])
            return account
        return None
