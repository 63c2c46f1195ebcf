"""What the theme shows: page context, structured data, topic map, CSP, reproducible output."""
