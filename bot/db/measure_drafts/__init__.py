"""Draft measures from the ITA analysis and the links of measures to ITA items."""
