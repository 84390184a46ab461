from . import lead_only
from .core import get, post

CASES = {
    "audit.events": get("audit.events", lead_only()),
    "audit.export": post("audit.export", lead_only()),
}
