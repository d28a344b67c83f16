"""SSOT005: committed from a Windows checkout with CRLF line endings."""


def legacy_handler(event):
    return event
