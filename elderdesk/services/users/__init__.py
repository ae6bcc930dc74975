"""Users and logins: users.service (UserService, initialise), password hashing, the office key pair."""
