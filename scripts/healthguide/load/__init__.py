"""Loading: mkdocs.yml, pages, front matter, references and authors into the site model."""
