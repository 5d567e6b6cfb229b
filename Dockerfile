# syntax=docker/dockerfile:1
# Marginalia's production image: `docker build -t marginalia .`, or `docker compose up` (compose.yaml).
# Three stages: the build (all dependencies, `next build`), the runtime dependencies alone
# (`npm ci --omit=dev`: the start script, migrations and Prisma client), and the runtime, which
# runs as the unprivileged `node` user. The start command is the one `npm run test:deploy`
# checks outside Docker, in a copy laid out exactly like this image.
ARG NODE_VERSION=24

FROM node:${NODE_VERSION}-bookworm-slim AS base
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1

FROM base AS build
# The manifest and what `postinstall` (prisma generate) reads first, so the install is cached.
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts/prisma-generate.mjs scripts/
COPY prisma/schema.prisma prisma/
RUN npm ci --no-audit --no-fund
COPY . .
RUN node node_modules/next/dist/bin/next build

FROM base AS runtime-deps
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts/prisma-generate.mjs scripts/
COPY prisma/schema.prisma prisma/
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM base AS runtime
ENV NODE_ENV=production \
    HOSTNAME=0.0.0.0 \
    PORT=3000
# Sources are read-only for the app user; only the standalone build's cache folder is its own.
COPY . .
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=runtime-deps /app/server/generated ./server/generated
COPY --from=build --chown=node:node /app/.next/standalone ./.next/standalone
COPY --from=build --chown=node:node /app/.next/static ./.next/standalone/.next/static
USER node
EXPOSE 3000
# Liveness only; compose and load balancers use /api/ready for traffic (see compose.yaml).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# `npm start` execs the start script, so `docker stop` (SIGTERM) reaches it: it checks the
# settings, migrates under an advisory lock, and stops cleanly within the 10 s Docker allows.
CMD ["npm", "start"]
