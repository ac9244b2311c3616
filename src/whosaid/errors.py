"""The one exception type whosaid raises at its users, with a message that says what to do."""


class WhosaidError(Exception):
    """An error meant for the user: its message names the problem and the way out."""
