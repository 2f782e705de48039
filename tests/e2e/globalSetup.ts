import { writeFixtures } from './fixtures';

export default function globalSetup(): void {
  writeFixtures();
}
