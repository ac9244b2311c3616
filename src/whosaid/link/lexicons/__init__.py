"""Word lists (data) for the link stage; a package only so that installers ship the files."""
