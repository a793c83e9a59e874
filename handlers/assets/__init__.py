"""Government assets lent to staff (ยืม-คืนทรัพย์สินของราชการ): the asset register and its loans."""
