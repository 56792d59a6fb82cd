"""The central system (``caseworker-central``, the ``central`` extra): FastAPI on
SQLAlchemy, PostgreSQL in production and SQLite for a trial on one machine. It enrols
devices, takes their operations exactly once, and publishes the streams they pull."""
