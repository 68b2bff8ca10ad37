import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import { EventStoreModule } from '@zw/event-store';
import { FILE_STORAGE, openFileStorage } from '@zw/files';
import { EvidenceFiles } from './evidence-files';
import { OrganisationsModule } from '../organisations/organisations.module';
import { FileAccess } from './file-access';
import { FileReferenceIndex } from './file-reference.index';
import { FilesController } from './files.http.controller';

/** 佐证材料 files (docs/files.md): the store, uploads and downloads, and evidence that references them. */
@Module({
  imports: [EventStoreModule, OrganisationsModule],
  controllers: [FilesController],
  providers: [
    { provide: FILE_STORAGE, useFactory: (config: AppConfig) => openFileStorage(config), inject: [APP_CONFIG] },
    FileReferenceIndex,
    FileAccess,
    EvidenceFiles,
  ],
  exports: [FILE_STORAGE, EvidenceFiles],
})
export class FilesModule {}
