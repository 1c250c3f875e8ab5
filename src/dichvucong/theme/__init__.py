"""The portal's Classic UI look: Barceloneta with a Vietnamese government-portal header,
footer and a text-size control."""
