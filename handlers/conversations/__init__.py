"""Chat conversations as channel-free state machines: an inbound message in, replies out."""
