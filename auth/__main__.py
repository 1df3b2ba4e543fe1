"""Command line for API tokens: `python -m auth issue | list | revoke` (see `--help`)."""

from __future__ import annotations

import argparse
import asyncio
import sys

from auth import tokens
from graph import tokens as graph_tokens
from graph.backends import open_backend
from graph.errors import GraphError
from settings import Settings


async def _run(args: argparse.Namespace) -> int:
    backend = open_backend(Settings(), attach=True)
    try:
        await backend.ensure_schema()
        if args.command == "issue":
            token = await tokens.issue(backend, args.owner, args.role, args.organisation)
            print(token)
            print("store it now: it is not shown again, only its hash is kept",
                  file=sys.stderr)
        elif args.command == "list":
            for row in await graph_tokens.all_tokens(backend):
                state = f"revoked {row['revokedAt']}" if row.get("revokedAt") else "active"
                scope = f" scope {row['organisation']}" if row.get("organisation") else ""
                print(f"{row['id']}  {row['role']:6}  {row['owner']}{scope}  "
                      f"created {row['createdAt']}  {state}")
        elif not await graph_tokens.revoke(backend, args.token_id, tokens.now()):
            print(f"no active token {args.token_id}", file=sys.stderr)
            return 1
        else:
            print(f"revoked {args.token_id}")
        return 0
    finally:
        await backend.close()


def main(argv: list[str] | None = None) -> int:
    """Issue, list or revoke API tokens."""
    parser = argparse.ArgumentParser(prog="python -m auth", description="API tokens.")
    commands = parser.add_subparsers(dest="command", required=True)
    issue = commands.add_parser("issue", help="create a token and print it once")
    issue.add_argument("--owner", required=True, help="who the token is for (shown in audits)")
    issue.add_argument("--role", choices=tokens.ROLES, default="editor")
    issue.add_argument("--organisation", help="limit an editor to facts involving this org id")
    commands.add_parser("list", help="list tokens (never their secrets)")
    revoke = commands.add_parser("revoke", help="revoke a token by its id (tok_...)")
    revoke.add_argument("token_id")
    args = parser.parse_args(argv)
    try:
        return asyncio.run(_run(args))
    except (GraphError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
