"""Qt item models over plain row lists from the services (the word "models" alone means the ORM)."""
