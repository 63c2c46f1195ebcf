"""Facts derived from the model once (claim kinds, reading grades, review dates, reviewers), below the checks."""
