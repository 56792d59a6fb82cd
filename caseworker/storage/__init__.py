"""The local store: SQLAlchemy 2 rows over SQLite encrypted with SQLCipher, migrations,
backups. Repositories take a Session and return frozen values; services own the Session."""
