"""The steps every command that writes the database shares: gather the inputs, install a new file.

`build`, `refresh`, `ensure` and `larcentrum import` sit above this package and call into it;
nothing here imports a command, so the commands can import each other's pieces without cycles.
"""
