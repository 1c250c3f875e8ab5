"""Service forms (collective.easyform): the "create dossier" action, the check-your-answers
page, the confirmation page, and the forms a city profile ships."""
