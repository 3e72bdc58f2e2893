"""Apps sign in with "Authorization: Bearer <token>"; browsers with their session."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.request import Request

from accounts.models import Account
from api import keys
from api.models import ApiToken

SCHEME = b"bearer"


class BearerTokenAuthentication(BaseAuthentication):
    def authenticate(self, request: Request) -> tuple[Account, ApiToken] | None:
        words = get_authorization_header(request).split()
        if not words or words[0].lower() != SCHEME:
            return None
        if len(words) != 2:
            raise exceptions.AuthenticationFailed(
                _("Send the token as “Authorization: Bearer” followed by the token.")
            )

        return self.authenticate_key(words[1].decode("latin-1"))

    def authenticate_key(self, key: str) -> tuple[Account, ApiToken]:
        token = (
            ApiToken.objects.active()
            .select_related("account")
            .filter(key_hash=keys.token_hash(key))
            .first()
        )
        if token is None or not token.account.is_active:
            raise exceptions.AuthenticationFailed(
                _("This token is not valid. It may have been revoked on My Account.")
            )

        token.last_used_at = timezone.now()
        token.save(update_fields=["last_used_at"])
        return token.account, token

    def authenticate_header(self, request: Request) -> str:
        return 'Bearer realm="api"'
