"""The words a check-in is made of: mood levels, emotions, activities, scales."""

from ..i18n import _l

# Five levels, awful to great; a face and a word go with each, never colour alone.
MOODS = {
    1: _l("Awful"),
    2: _l("Bad"),
    3: _l("Okay"),
    4: _l("Good"),
    5: _l("Great"),
}

ENERGY = {1: _l("Very low"), 2: _l("Low"), 3: _l("Some"), 4: _l("Good"), 5: _l("Lots")}
SLEEP_QUALITY = {1: _l("Very poor"), 2: _l("Poor"), 3: _l("Fair"), 4: _l("Good"), 5: _l("Very good")}

# A sensible default set; a program may add its own (mood settings page).
EMOTIONS = {
    "calm": _l("Calm"),
    "happy": _l("Happy"),
    "hopeful": _l("Hopeful"),
    "grateful": _l("Grateful"),
    "proud": _l("Proud"),
    "connected": _l("Connected"),
    "tired": _l("Tired"),
    "anxious": _l("Anxious"),
    "stressed": _l("Stressed"),
    "sad": _l("Sad"),
    "lonely": _l("Lonely"),
    "angry": _l("Angry"),
    "overwhelmed": _l("Overwhelmed"),
    "numb": _l("Numb"),
}

ACTIVITIES = {
    "exercise": _l("Exercise"),
    "outdoors": _l("Time outdoors"),
    "friends": _l("Friends"),
    "family": _l("Family"),
    "mentor": _l("Mentor meeting"),
    "support_group": _l("Support group"),
    "appointment": _l("Health appointment"),
    "work": _l("Work or study"),
    "hobby": _l("Hobby"),
    "rest": _l("Rest"),
    "good_meal": _l("A good meal"),
    "alcohol": _l("Alcohol"),
    "screens": _l("Lots of screen time"),
}

LOW_MOOD = 2  # Bad or Awful


def mood_word(level):
    return MOODS.get(level, "")


def tag_label(kind, name):
    """A default tag's translated label; a program's own tag is its own label."""
    table = EMOTIONS if kind == "emotion" else ACTIVITIES
    return table.get(name, name)


def tag_choices(kind, extra):
    """(key, label) for the default set followed by the program's own words."""
    table = EMOTIONS if kind == "emotion" else ACTIVITIES
    pairs = list(table.items())
    pairs += [(word, word) for word in extra if word not in table]
    return pairs
