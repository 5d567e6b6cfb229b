import 'server-only';
import { db } from '../../db';

/** Turns the signed-in user's daily digest mail on or off. */
export async function setDailyDigest(input: { userId: string; enabled: boolean }): Promise<{ dailyDigest: boolean }> {
  return db().user.update({
    where: { id: input.userId },
    data: { dailyDigest: input.enabled },
    select: { dailyDigest: true },
  });
}

/** Whether the user gets the daily digest, for the settings page. */
export async function getDailyDigest(userId: string): Promise<boolean> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { dailyDigest: true } });
  return user?.dailyDigest ?? false;
}
