"""The program's choices about personal data, with the defaults a new program gets."""

DEFAULTS = {
    # How long a deletion request waits for a coordinator before it completes by itself.
    "deletion_grace_days": 14,
    # How long the content of an ended match (messages, meeting notes, goal comments) is kept.
    "retention_days": 730,
    # Whether a deleted person's messages are blanked too; by default the other
    # person keeps the conversation they took part in, signed "Former member".
    "delete_messages_with_account": False,
}


def setting(program, key):
    return (program.settings or {}).get(key, DEFAULTS[key])
