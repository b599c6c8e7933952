"""`__in` on integer columns ignores values outside the column's range.

Django already does this for `exact`, `gt`, `lt`, ... on integer fields; `in` passes such a value
to the database, where SQLite raises OverflowError and PostgreSQL an error for the whole query.
A 40-digit id typed into a multi-select of a form or filter must be a form error ("not one of
the choices"), not a server error: no row can have that id, so the value simply matches
nothing.
"""

from django.db.models import IntegerField
from django.db.models.lookups import In


class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            internal_type = self.lhs.output_field.get_internal_type()
            low, high = connection.ops.integer_field_range(internal_type)
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)


def register() -> None:
    IntegerField.register_lookup(IntegerFieldIn)
