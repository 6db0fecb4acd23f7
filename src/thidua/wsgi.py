import os

from django.core.wsgi import get_wsgi_application

# Uploads and generated documents are for thidua's own account only (0600/0700),
# also when gunicorn is started without `thidua serve`.
os.umask(0o077)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings.base")
application = get_wsgi_application()
