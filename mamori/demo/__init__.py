"""The embedded demo: a policy, a contact directory and a sending history for ``mamori serve`` with no config.

Every person, company and address in these files is invented (domains end in ``.example``).
"""
