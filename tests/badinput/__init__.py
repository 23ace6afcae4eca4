"""The bad-input suite: malformed, hostile and odd requests against one running service, and what they may not harm."""
