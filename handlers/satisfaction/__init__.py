"""Citizens' satisfaction with the office's services (o16, o17): the survey, the services,
rating use cases and the statistics Thai offices publish. Plain Python, no I/O."""
