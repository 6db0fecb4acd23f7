from django.db import migrations


class Migration(migrations.Migration):
    """The table takes the app's name (decisions_award → awards_award); the indexes and
    constraints keep their explicit names."""

    dependencies = [
        ("awards", "0001_initial"),
        ("decisions", "0003_award_moves_to_awards_app"),
    ]

    operations = [migrations.AlterModelTable(name="award", table=None)]
