// Push events: filled in by the push notifications feature.
