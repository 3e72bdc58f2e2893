import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args: str, **environment: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("HOMEROOM_", "DEBUG"))
    }
    clean.pop("SECRET_KEY", None)
    clean["DJANGO_SETTINGS_MODULE"] = "homeroom.settings"
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **environment},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_the_deploy_check() -> None:
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="x" * 20 + "a-long-random-production-secret-0123456789",
        ALLOWED_HOSTS="portal.example.org",
        DATABASE_URL="sqlite:////tmp/homeroom-deploy-check.db",
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_a_missing_secret_key_stops_start_up() -> None:
    result = run_manage("check")

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_a_bad_value_stops_start_up_naming_the_variable() -> None:
    result = run_manage("check", DEBUG="sometimes")

    assert result.returncode != 0
    assert "DEBUG" in result.stderr and "sometimes" in result.stderr
