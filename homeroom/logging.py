"""Keep secrets that travel in URLs out of every log line."""

import logging
import re

# A calendar feed's address is its own secret; letters' and tokens' never reach a URL.
SECRET_IN_PATH = re.compile(r"(/calendar/)[^/\s\"'?]+")


class RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = SECRET_IN_PATH.sub(r"\1[secret]", message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True
