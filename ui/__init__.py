"""What the pages share: page setup, session-state keys, the one cache wrapper, charts."""
