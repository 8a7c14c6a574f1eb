"""Finding identifying details in testimonies: names, places, dates, ages, contacts."""
