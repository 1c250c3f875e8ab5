"""Installing the add-on, creating a site and importing a city's site data."""
