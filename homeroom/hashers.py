from django.contrib.auth.hashers import Argon2PasswordHasher


class QuickArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2 with a small memory cost, for the test suite only."""

    memory_cost = 1024
    time_cost = 1
