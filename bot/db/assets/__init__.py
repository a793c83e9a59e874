"""The asset register and its loans on SQLAlchemy."""
