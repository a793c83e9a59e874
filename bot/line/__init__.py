"""The LINE adapter: webhook in, replies and pushes out, through line-bot-sdk v3."""
