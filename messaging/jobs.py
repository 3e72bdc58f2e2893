"""The jobs `manage.py run_worker` runs beside the outbox: one line each."""

import datetime

from django.conf import settings

from messaging.scheduler import DailyAt, register_job

register_job(
    "midterm_prompts",
    DailyAt(settings.HOMEROOM_PROMPT_HOUR),
    "messaging.prompts.send_midterm_prompts",
)
register_job("alerts", datetime.timedelta(minutes=5), "messaging.alerts.run_alerts")
register_job(
    "weekly_digest",
    DailyAt(settings.HOMEROOM_DIGEST_HOUR),
    "messaging.digest.send_weekly_digest",
)
