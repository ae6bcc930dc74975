"""Register of people: people.service (PeopleService) and people.imports (ImportService: register, death list and online-application workbooks)."""
