"""The jobs `manage.py run_worker` runs beside the outbox: one line each."""

from django.conf import settings

from messaging.scheduler import DailyAt, register_job

register_job(
    "midterm_prompts",
    DailyAt(settings.HOMEROOM_PROMPT_HOUR),
    "messaging.prompts.send_midterm_prompts",
)
