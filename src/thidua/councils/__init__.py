"""Council meetings and secret ballots (issue #5, item 4)."""
