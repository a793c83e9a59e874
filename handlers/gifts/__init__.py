"""The gift register (No Gift Policy): gifts and benefits staff received, and their
declarations of having received none in a month."""
