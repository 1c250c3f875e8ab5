"""Publishing: guides, outreach, the editorial workflow, reader feedback, the glossary
and the home page; what communications staff publish and citizens read."""
