"""The site's own hub settings: copied to /etc/innolead-hub/local_config.py by install.sh the
first time (never overwritten), loaded last by jupyterhub_config.py. Choose ONE authenticator.

Accounts are system users in the groups innolead-instructors and innolead-participants
(`sudo python3 /opt/innolead-hub/etc/hubtools.py --add-participant NAME ...`); a login whose
name is in neither group is refused, whatever the authenticator says.
"""

import os
from pathlib import Path
from typing import Any

c = get_config()  # noqa: F821 (JupyterHub provides get_config when it reads this file)

# --- A. Microsoft Entra ID (Azure AD), what most Swedish municipalities run -----------------
# Register an app in Entra ID (App registrations > New registration), redirect URI
# https://HUB.example.se/hub/oauth_callback, create a client secret, and put the three values
# in /etc/innolead-hub/entra.env (mode 600), read by the systemd unit or your shell:
#   ENTRA_TENANT_ID=...  ENTRA_CLIENT_ID=...  ENTRA_CLIENT_SECRET=...
# The login name is the part of the user principal name before '@' (anna.svensson@kommun.se
# becomes anna.svensson), which must be the participant's system user name.
if os.environ.get("ENTRA_CLIENT_ID"):
    c.JupyterHub.authenticator_class = "oauthenticator.azuread.AzureAdOAuthenticator"
    c.AzureAdOAuthenticator.tenant_id = os.environ["ENTRA_TENANT_ID"]
    c.AzureAdOAuthenticator.client_id = os.environ["ENTRA_CLIENT_ID"]
    c.AzureAdOAuthenticator.client_secret = os.environ["ENTRA_CLIENT_SECRET"]
    c.AzureAdOAuthenticator.oauth_callback_url = "https://HUB.example.se/hub/oauth_callback"
    c.AzureAdOAuthenticator.username_claim = "preferred_username"
    c.AzureAdOAuthenticator.allow_all = True  # the course groups decide (post_auth_hook)

    def _local_part(authenticator: Any, handler: Any, authentication: dict) -> dict:
        name = authentication["name"].split("@", 1)[0].lower()
        return {**authentication, "name": name}

    _course_hook = c.Authenticator.post_auth_hook

    def _entra_hook(authenticator: Any, handler: Any, authentication: dict) -> dict | None:
        named = _local_part(authenticator, handler, authentication)
        return _course_hook(authenticator, handler, named)

    c.Authenticator.post_auth_hook = _entra_hook

# --- B. NativeAuthenticator, for a pilot without the municipality's IT ----------------------
# Participants sign up at /hub/signup with their system user name and a password; an admin
# authorises each at /hub/authorize. Use HTTPS in front of the hub.
else:
    c.JupyterHub.authenticator_class = "nativeauthenticator.NativeAuthenticator"
    c.NativeAuthenticator.minimum_password_length = 10
    c.NativeAuthenticator.check_common_password = True
    c.NativeAuthenticator.allowed_failed_logins = 5
    c.NativeAuthenticator.seconds_before_next_try = 600
    # NativeAuthenticator's pages live in its own template folder.
    import nativeauthenticator

    c.JupyterHub.template_paths = [str(Path(nativeauthenticator.__file__).parent / "templates")]

# Hub admins (authorise sign-ups, see every server). An instructor needs no admin rights.
c.Authenticator.admin_users = {"admin"}

# Public address: bind all interfaces behind a TLS-terminating reverse proxy (nginx, Caddy).
# c.JupyterHub.bind_url = "http://0.0.0.0:8000"
# Limits per participant (server and kernels together); see the instructor guide's capacity plan.
# c.Spawner.mem_limit = "1G"
# c.Spawner.cpu_limit = 1
