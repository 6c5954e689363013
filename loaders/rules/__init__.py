"""One file's records checked: the validator and the rule of each record kind."""
