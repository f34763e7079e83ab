"""(being written)"""

RECOGNIZERS: tuple = ()
