"""SSOT000: an unresolved merge conflict fails at import time."""

<<<<<<< HEAD
TIMEOUT = 30
=======
TIMEOUT = 60
>>>>>>> feature/timeouts
