"""Telling the applicant: email and SMS on the transitions that concern them; ratings."""
