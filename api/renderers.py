"""CSV of a list: one row per object, nested values flattened to readable text."""

import csv
import io

from rest_framework.renderers import BaseRenderer


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return str(value.get("name") or value.get("slug") or value.get("id") or "")
    if isinstance(value, list):
        return "; ".join(_cell(item) for item in value)
    return str(value)


class CSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, dict) and "results" in data:
            data = data["results"]
        if not isinstance(data, list):  # an error: one row with its message
            data = [data] if isinstance(data, dict) else []
        out = io.StringIO()
        writer = csv.writer(out)
        if data:
            columns = list(data[0].keys())
            writer.writerow(columns)
            for row in data:
                writer.writerow([_cell(row.get(column)) for column in columns])
        return "\ufeff" + out.getvalue()
