import { prismaGenerate } from "./lib/prisma-generate";

prismaGenerate();
